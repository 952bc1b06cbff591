namespace EdgeMoE.Actors.Runtime;

/// <summary>A scheduled delivery that can be cancelled.</summary>
public interface ICancelable
{
    /// <summary>Prevents any further delivery; deliveries already made are not undone.</summary>
    void Cancel();

    /// <summary><c>true</c> once <see cref="Cancel"/> was called.</summary>
    bool IsCancellationRequested { get; }
}
