package org.petal.ml.clicks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.petal.ml.dataset.LabelKind;
import org.petal.ml.dataset.LabelSet;
import org.petal.ml.morph.Shapes;
import org.petal.ml.phantom.PhantomCase;
import org.petal.ml.phantom.PhantomGenerator;
import org.petal.ml.phantom.PhantomSpec;
import org.petal.ml.volume.LabelVolume;
import org.petal.ml.volume.VolumeGeometry;

class EvaluationObjectsTest {

    @Test
    void eachLesionComponentIsAnObjectWhileAnOrganStaysWhole() {
        VolumeGeometry g = Shapes.grid(30, 30, 30, 1, 1, 1);
        LabelVolume labels = LabelVolume.empty(g);
        labels.set(1, 1, 1, 1);
        labels.set(20, 20, 20, 1);
        labels.set(5, 5, 5, 2);
        labels.set(6, 6, 6, 2);
        labels.set(15, 5, 5, 2);
        LabelSet set = LabelSet.builder().add(1, "liver", LabelKind.ORGAN).add(2, "lesion", LabelKind.LESION).build();

        List<EvaluationObject> objects = EvaluationObjects.of(labels, set);

        assertThat(objects).extracting(EvaluationObject::labelName, EvaluationObject::objectId)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("liver", 1), org.assertj.core.groups.Tuple.tuple("lesion", 1),
                org.assertj.core.groups.Tuple.tuple("lesion", 2));
        assertThat(objects.get(0).mask().count()).isEqualTo(2);
        assertThat(objects.get(1).mask().count()).as("diagonal neighbours are 26-connected").isEqualTo(2);
        assertThat(objects.get(2).mask().get(15, 5, 5)).isTrue();
    }

    @Test
    void aPhantomSplitsIntoObjectsThatCoverEveryLabelledVoxel() {
        PhantomCase phantom = PhantomGenerator.generate(PhantomSpec.of(42, 0));
        List<EvaluationObject> objects = EvaluationObjects.of(phantom.labels(), phantom.labelSet());
        long labelled = phantom.labelSet().names().keySet().stream().mapToLong(v -> phantom.labels().count(v)).sum();
        assertThat(objects.stream().mapToLong(o -> o.mask().count()).sum()).isEqualTo(labelled);
        assertThat(objects).filteredOn(o -> o.kind() == LabelKind.LESION).isNotEmpty();
    }
}
