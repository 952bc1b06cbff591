namespace EdgeMoE.Reports.Inputs;

/// <summary>A run folder's file is missing or malformed; the message names the file (and line or field where known).</summary>
public sealed class ReportInputException(string message, Exception? inner = null) : Exception(message, inner);
