package org.petal.ui.study;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import java.util.List;
import java.util.Map;
import org.petal.report.study.StudyReport;
import org.petal.ui.AnnotatorElement;

/**
 * Java side of {@code <petal-study-charts>} (frontend/src/study): box plots of time per case by mode and
 * throughput per week, drawn with Chart.js. The view hands over the few fields the charts read from the
 * report it computed for its tables, so the report is computed once per page and the browser is not sent
 * the whole report (its agreement table alone can run to megabytes).
 */
@Tag("petal-study-charts")
class StudyChartsElement extends Component {

    private static final ObjectMapper JSON = new ObjectMapper();

    StudyChartsElement(StudyReport report) {
        getElement().setAttribute("project-id", String.valueOf(report.projectId()));
        getElement().setProperty("studyJson", chartData(report));
        getElement().getStyle().set("display", "block").set("width", "100%");
    }

    static String chartData(StudyReport report) {
        List<Map<String, Object>> cases = report.timePerCase().cases().stream().map(c -> Map.<String, Object>of(
            "mode", c.mode().name(), "activeSeconds", c.activeSeconds(), "wallSeconds", c.wallSeconds())).toList();
        List<Map<String, Object>> weeks = report.throughput().stream().map(w -> Map.<String, Object>of("week", w.week(),
            "weekStart", w.weekStart().toString(), "submitted", w.submitted(), "resubmitted", w.resubmitted(),
            "approved", w.approved())).toList();
        try {
            return JSON.writeValueAsString(Map.of("projectId", report.projectId(), "timePerCase", Map.of("cases", cases),
                "throughput", weeks));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("chart data of project " + report.projectId(), e);
        }
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        attach.getUI().getPage().addJsModule(AnnotatorElement.MODULE);
    }
}
