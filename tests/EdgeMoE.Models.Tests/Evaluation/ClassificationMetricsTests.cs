using EdgeMoE.Models.Evaluation;

namespace EdgeMoE.Models.Tests.Evaluation;

public sealed class ClassificationMetricsTests
{
    [Fact]
    public void Accuracy_macro_F1_and_AUC_match_a_hand_computed_three_class_case()
    {
        // Labels 0,0,1,2; predictions (argmax) 0,1,1,2.
        float[] p =
        [
            0.7f, 0.2f, 0.1f,
            0.3f, 0.6f, 0.1f,
            0.2f, 0.5f, 0.3f,
            0.1f, 0.2f, 0.7f,
        ];
        var metrics = ClassificationMetrics.Of(p, [0, 0, 1, 2], 3);
        Assert.Equal(0.75, metrics.Accuracy, 12);

        // Class 0: tp 1, 1 predicted, 2 true -> 2/3; class 1: tp 1, 2 predicted, 1 true -> 2/3; class 2: 1.
        Assert.Equal((2.0 / 3 + 2.0 / 3 + 1) / 3, metrics.F1, 12);

        // Class 0: positives 0.7, 0.3 against 0.2, 0.1 -> 4/4. Class 1: 0.5 against 0.2, 0.6, 0.2 -> 2/3.
        // Class 2: 0.7 against 0.1, 0.1, 0.3 -> 1.
        Assert.Equal((1 + (2.0 / 3) + 1) / 3, metrics.Auc, 12);
    }

    [Fact]
    public void A_classifier_that_always_says_the_dominant_class_scores_its_share_F1_of_one_class_and_AUC_one_half()
    {
        // 10 classes, 83 of 100 labels are class 0: constant output, the paper's collapsed local classifier.
        var labels = Enumerable.Range(0, 100).Select(i => i < 83 ? 0 : 1 + (i % 9)).ToArray();
        var p = Enumerable.Range(0, 100).SelectMany(_ => Enumerable.Range(0, 10).Select(k => k == 0 ? 0.9f : 0.1f / 9)).ToArray();
        var metrics = ClassificationMetrics.Of(p, labels, 10);
        Assert.Equal(0.83, metrics.Accuracy, 12);
        Assert.Equal(2 * 0.83 / 1.83 / 10, metrics.F1, 12);
        Assert.Equal(0.5, metrics.Auc, 12);
    }

    [Fact]
    public void Macro_F1_averages_only_the_classes_that_occur()
    {
        Assert.Equal(1.0, ClassificationMetrics.MacroF1([1, 1, 3], [1, 1, 3], 5), 12);
    }
}
