package org.petal.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;

/**
 * Thin Java side of the {@code <petal-annotator>} web component (frontend/src/workspace). The component
 * talks to /api and /ws/annotate itself; the server side only says which assignment it opens. The module
 * is loaded as a plain static resource from the petal-frontend jar, not through Vaadin's bundle.
 */
@Tag("petal-annotator")
public class AnnotatorElement extends Component {

    public static final String MODULE = "/petal/petal.js";

    /** The workspace in which the assigned annotator edits (read only for anyone else, or once submitted). */
    public static AnnotatorElement annotate(long assignmentId) {
        return new AnnotatorElement(assignmentId, "annotate");
    }

    /** The reviewer's workspace: read only, revision history and compare, pinned comments, the decision. */
    public static AnnotatorElement review(long assignmentId) {
        return new AnnotatorElement(assignmentId, "review");
    }

    private AnnotatorElement(long assignmentId, String mode) {
        getElement().setAttribute("assignment-id", String.valueOf(assignmentId));
        getElement().setAttribute("mode", mode);
        getElement().getStyle().set("flex", "1").set("min-height", "0");
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        attach.getUI().getPage().addJsModule(MODULE);
    }
}
