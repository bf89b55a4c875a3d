package org.petal.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.petal.ml.dataset.LabelKind;
import org.petal.projects.ProjectService.LabelSpec;
import org.petal.projects.ProjectService.NewProject;
import org.petal.support.PetalTest;
import org.petal.support.TestData;
import org.petal.system.Problems;
import org.petal.users.Actor;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The project service checks a label set itself: the lead's form reaches it without the REST layer's bean
 * validation, so a bad label must be refused here, with a sentence, and leave no project behind.
 */
@PetalTest
class LabelSetRulesTest {

    @Autowired TestData data;
    @Autowired ProjectService projects;

    @Test
    void aWellFormedLabelSetCreatesTheProjectWithTheSuvGrowEngineByDefault() {
        Actor lead = data.team().lead();
        var p = projects.create(lead, new NewProject(unique(), "", List.of(
            new LabelSpec(1, "liver", "#c8963c", LabelKind.ORGAN, null),
            new LabelSpec(2, "lesion", "#FF3030", LabelKind.LESION, "suv-grow"))));
        assertThat(p.labels()).extracting(LabelSpec::defaultEngine).containsExactly("suv-grow", "suv-grow");
    }

    @Test
    void aValueOutsideOneTo255IsRefused() {
        assertRefused(new LabelSpec(256, "lesion", "#ff3030", LabelKind.LESION, null), "1-255");
        assertRefused(new LabelSpec(0, "lesion", "#ff3030", LabelKind.LESION, null), "1-255");
    }

    @Test
    void aColourThatIsNotHashRrggbbIsRefused() {
        assertRefused(new LabelSpec(1, "lesion", "red", LabelKind.LESION, null), "#rrggbb");
    }

    @Test
    void aLabelWithoutNameOrKindIsRefused() {
        assertRefused(new LabelSpec(1, " ", "#ff3030", LabelKind.LESION, null), "name");
        assertRefused(new LabelSpec(1, "lesion", "#ff3030", null, null), "organ or a lesion");
    }

    @Test
    void aProjectWithoutANameIsRefused() {
        assertThatThrownBy(() -> projects.create(data.team().lead(), new NewProject(" ", "", List.of(
            new LabelSpec(1, "liver", "#c8963c", LabelKind.ORGAN, null)))))
            .isInstanceOf(Problems.BadRequest.class).hasMessageContaining("needs a name");
    }

    private void assertRefused(LabelSpec bad, String reason) {
        String name = unique();
        int before = projects.list().size();
        assertThatThrownBy(() -> projects.create(data.team().lead(), new NewProject(name, "", List.of(bad))))
            .isInstanceOf(Problems.BadRequest.class).hasMessageContaining(reason);
        assertThat(projects.list()).hasSize(before).noneMatch(p -> p.name().equals(name));
    }

    private static String unique() {
        return "labels-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
