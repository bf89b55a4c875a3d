package org.petal.ui.study;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import org.petal.ui.AnnotatorElement;

/**
 * Java side of {@code <petal-study-charts>} (frontend/src/study): box plots of time per case by mode and
 * throughput per week, drawn with Chart.js from the same GET /api/projects/{id}/study the tables show.
 */
@Tag("petal-study-charts")
class StudyChartsElement extends Component {

    StudyChartsElement(long projectId) {
        getElement().setAttribute("project-id", String.valueOf(projectId));
        getElement().getStyle().set("display", "block").set("width", "100%");
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        attach.getUI().getPage().addJsModule(AnnotatorElement.MODULE);
    }
}
