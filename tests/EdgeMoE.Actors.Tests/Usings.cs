global using EdgeMoE.Actors.Runtime;
global using EdgeMoE.Actors.TestKit;
