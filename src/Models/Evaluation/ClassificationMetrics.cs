namespace EdgeMoE.Models.Evaluation;

/// <summary>Accuracy, macro-F1 and macro one-vs-rest AUC of class probabilities, all as fractions in [0, 1].</summary>
/// <param name="Accuracy">Share of samples whose most probable class (lowest index on ties) is the label.</param>
/// <param name="F1">Mean F1 over the classes that occur as a label or a prediction (sklearn's macro average).</param>
/// <param name="Auc">Mean one-vs-rest ROC AUC over the classes with positive and negative samples (ties count ½).</param>
public sealed record ClassificationMetrics(double Accuracy, double F1, double Auc)
{
    /// <summary>The metrics of <paramref name="probabilities"/> (row-major [n, classes]) against <paramref name="labels"/>.</summary>
    public static ClassificationMetrics Of(ReadOnlySpan<float> probabilities, ReadOnlySpan<int> labels, int classes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 1);
        if (probabilities.Length != labels.Length * classes)
        {
            throw new ArgumentException($"{probabilities.Length} probabilities for {labels.Length} samples of {classes} classes");
        }

        var predicted = new int[labels.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            var row = probabilities.Slice(i * classes, classes);
            var best = 0;
            for (var k = 1; k < classes; k++)
            {
                if (row[k] > row[best])
                {
                    best = k;
                }
            }

            predicted[i] = best;
        }

        return new ClassificationMetrics(Share(predicted, labels), MacroF1(predicted, labels, classes), MacroAuc(probabilities, labels, classes));
    }

    private static double Share(int[] predicted, ReadOnlySpan<int> labels)
    {
        var correct = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            correct += predicted[i] == labels[i] ? 1 : 0;
        }

        return labels.Length == 0 ? 0 : (double)correct / labels.Length;
    }

    /// <summary>Macro-F1 of hard predictions over the classes present as a label or a prediction.</summary>
    public static double MacroF1(ReadOnlySpan<int> predicted, ReadOnlySpan<int> labels, int classes)
    {
        var truePositives = new int[classes];
        var predictedCounts = new int[classes];
        var labelCounts = new int[classes];
        for (var i = 0; i < labels.Length; i++)
        {
            predictedCounts[predicted[i]]++;
            labelCounts[labels[i]]++;
            truePositives[labels[i]] += predicted[i] == labels[i] ? 1 : 0;
        }

        var sum = 0.0;
        var present = 0;
        for (var k = 0; k < classes; k++)
        {
            if (predictedCounts[k] + labelCounts[k] == 0)
            {
                continue;
            }

            present++;
            sum += 2.0 * truePositives[k] / (predictedCounts[k] + labelCounts[k]);
        }

        return present == 0 ? 0 : sum / present;
    }

    /// <summary>Mean over classes of the probability that a positive scores above a negative (Mann-Whitney U / n₊n₋).</summary>
    public static double MacroAuc(ReadOnlySpan<float> probabilities, ReadOnlySpan<int> labels, int classes)
    {
        var n = labels.Length;
        var scores = new float[n];
        var order = new int[n];
        var sum = 0.0;
        var counted = 0;
        for (var k = 0; k < classes; k++)
        {
            var positives = 0;
            for (var i = 0; i < n; i++)
            {
                scores[i] = probabilities[(i * classes) + k];
                order[i] = i;
                positives += labels[i] == k ? 1 : 0;
            }

            var negatives = n - positives;
            if (positives == 0 || negatives == 0)
            {
                continue;
            }

            Array.Sort((float[])scores.Clone(), order);
            // Mid-ranks over groups of tied scores, then U = (sum of positive ranks) − n₊(n₊+1)/2.
            var rankSum = 0.0;
            for (var start = 0; start < n;)
            {
                var end = start;
                while (end + 1 < n && scores[order[end + 1]] == scores[order[start]])
                {
                    end++;
                }

                var midRank = ((start + end) / 2.0) + 1;
                for (var j = start; j <= end; j++)
                {
                    rankSum += labels[order[j]] == k ? midRank : 0;
                }

                start = end + 1;
            }

            sum += (rankSum - (positives * (positives + 1) / 2.0)) / ((double)positives * negatives);
            counted++;
        }

        return counted == 0 ? 0.5 : sum / counted;
    }
}
