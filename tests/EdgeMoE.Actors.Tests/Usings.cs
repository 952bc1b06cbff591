global using Akka.Actor;
global using Akka.TestKit;
global using Akka.TestKit.Xunit2;
