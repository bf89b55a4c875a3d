package org.petal.ml.clicks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.petal.ml.morph.BinaryMask;
import org.petal.ml.morph.Shapes;
import org.petal.ml.segment.PointPrompt;
import org.petal.ml.segment.Voxel;
import org.petal.ml.volume.VolumeGeometry;

class ClickSimulatorTest {

    private final VolumeGeometry grid = Shapes.grid(48, 48, 32, 1, 1, 2);
    private final BinaryMask big = Shapes.ball(grid, 14, 24, 16, 10);
    private final BinaryMask small = Shapes.ball(grid, 38, 24, 16, 5);
    private final BinaryMask target = big.or(small);

    @Test
    void theCenterRuleFirstClicksTheCentreOfTheLargestComponent() {
        Optional<PointPrompt> click = new ClickSimulator(ClickRule.CENTER, 1).firstClick(target);
        assertThat(click).contains(new PointPrompt(new Voxel(14, 24, 16), true));
    }

    @Test
    void theCenterRuleThenIncludesTheMissedComponent() {
        Optional<PointPrompt> click = new ClickSimulator(ClickRule.CENTER, 1).nextClick(target, big);
        assertThat(click).contains(new PointPrompt(new Voxel(38, 24, 16), true));
    }

    @Test
    void theCenterRuleExcludesALargerFalsePositive() {
        BinaryMask leak = Shapes.ball(grid, 30, 10, 16, 7);
        BinaryMask prediction = target.andNot(Shapes.ball(grid, 38, 24, 16, 2)).or(leak);
        Optional<PointPrompt> click = new ClickSimulator(ClickRule.CENTER, 1).nextClick(target, prediction);
        assertThat(click).contains(new PointPrompt(new Voxel(30, 10, 16), false));
    }

    @Test
    void aPerfectPredictionNeedsNoClick() {
        for (ClickRule rule : ClickRule.values()) {
            assertThat(new ClickSimulator(rule, 3).nextClick(target, target.copy())).as(rule.name()).isEmpty();
        }
        assertThat(new ClickSimulator(ClickRule.CENTER, 3).firstClick(new BinaryMask(grid))).isEmpty();
    }

    @Test
    void theRandomRuleIsDeterministicForASeedAndLabelsClicksByFalseNegativeMembership() {
        BinaryMask prediction = big.or(Shapes.ball(grid, 30, 10, 16, 4));
        for (long seed = 0; seed < 20; seed++) {
            PointPrompt a = new ClickSimulator(ClickRule.RANDOM, seed).nextClick(target, prediction).orElseThrow();
            PointPrompt b = new ClickSimulator(ClickRule.RANDOM, seed).nextClick(target, prediction).orElseThrow();
            assertThat(a).isEqualTo(b);
            assertThat(a.include()).isEqualTo(target.get(a.voxel()));
            assertThat(target.get(a.voxel()) != prediction.get(a.voxel())).as("clicks land on an error").isTrue();
        }
    }

    @Test
    void theRandomRuleFirstClicksSomewhereInTheTarget() {
        PointPrompt click = new ClickSimulator(ClickRule.RANDOM, 233).firstClick(target).orElseThrow();
        assertThat(target.get(click.voxel())).isTrue();
        assertThat(click.include()).isTrue();
    }

    @Test
    void theRitmRuleClicksDeepInsideTheErrorWithTheLargestInsideDistance() {
        PointPrompt click = new ClickSimulator(ClickRule.RITM, 5).firstClick(target).orElseThrow();
        assertThat(click.include()).isTrue();
        assertThat(big.get(click.voxel())).as("the big ball is the deeper region").isTrue();
        double dx = click.voxel().i() - 14, dy = click.voxel().j() - 24, dz = (click.voxel().k() - 16) * 2.0;
        assertThat(Math.sqrt(dx * dx + dy * dy + dz * dz)).isLessThanOrEqualTo(6.0);
    }
}
