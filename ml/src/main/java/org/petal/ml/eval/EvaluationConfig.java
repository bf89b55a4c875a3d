package org.petal.ml.eval;

import java.util.List;
import org.petal.ml.clicks.ClickRule;

/**
 * What an evaluation run does.
 *
 * @param clickBudgets    sorted click counts to score after (e.g. 1, 3, 5)
 * @param clickRule       how simulated clicks are placed
 * @param seed            seed of the random click rule (ignored by deterministic rules)
 * @param nsdToleranceMm  surface-Dice tolerance (SegAnyPET's code uses 1 mm)
 * @param threads         cases evaluated in parallel
 */
public record EvaluationConfig(List<Integer> clickBudgets, ClickRule clickRule, long seed, double nsdToleranceMm, int threads) {

    public EvaluationConfig {
        clickBudgets = clickBudgets.stream().sorted().distinct().toList();
        if (clickBudgets.isEmpty() || clickBudgets.get(0) < 1) {
            throw new IllegalArgumentException("click budgets must be positive, e.g. 1,3,5");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
    }

    int maxClicks() {
        return clickBudgets.get(clickBudgets.size() - 1);
    }
}
