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
class AnnotatorElement extends Component {

    static final String MODULE = "/petal/petal.js";

    AnnotatorElement(long assignmentId) {
        getElement().setAttribute("assignment-id", String.valueOf(assignmentId));
        getElement().getStyle().set("flex", "1").set("min-height", "0");
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        attach.getUI().getPage().addJsModule(MODULE);
    }
}
