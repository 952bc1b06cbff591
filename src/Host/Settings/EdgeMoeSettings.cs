using EdgeMoE.Hocon;

namespace EdgeMoE.Host.Settings;

/// <summary>
/// The validated settings of a scenario. Sections without a record yet are read from <see cref="Raw"/>
/// (e.g. <c>Raw.GetConfig("edgemoe.wireless")</c>); each area adds its record here when it lands.
/// </summary>
/// <param name="Run">The <c>edgemoe.run</c> section.</param>
/// <param name="StableMoe">The <c>edgemoe.stable-moe</c> section.</param>
/// <param name="Actors">The top-level <c>akka</c> section, handed to Akka.NET.</param>
/// <param name="Training">The <c>edgemoe.training</c> section.</param>
/// <param name="Cluster">The <c>edgemoe.cluster</c> section.</param>
/// <param name="Raw">The whole resolved configuration (scenario over reference), e.g. for <c>config.conf</c> output.</param>
/// <param name="Source">The scenario file the settings came from.</param>
public sealed record EdgeMoeSettings(RunSettings Run, StableMoeSettings StableMoe, ActorRuntimeSettings Actors, TrainingSettings Training, ClusterSettings Cluster, Config Raw, string Source);
