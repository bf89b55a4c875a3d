package org.petal.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.petal.assignment.AssignmentService;
import org.petal.assignment.AssignmentState;
import org.petal.assignment.AssignmentView;

/** The signed-in user's assignments; N (or the button) opens the next one still to do. */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Worklist · Petal")
class WorklistView extends VerticalLayout {

    /** One row: the assignment and the case's name. */
    record Row(AssignmentView assignment, String caseKey) {}

    WorklistView(SignedIn signedIn, AssignmentService assignments) {
        var actor = signedIn.actor();
        Map<Long, String> keys = assignments.caseKeysOfMine(actor);
        List<Row> rows = assignments.mine(actor).stream().map(a -> new Row(a, keys.get(a.caseId()))).toList();
        Grid<Row> grid = new Grid<>();
        grid.addColumn(r -> r.assignment().id()).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Row::caseKey).setHeader("Case");
        grid.addColumn(r -> r.assignment().mode()).setHeader("Mode");
        grid.addColumn(r -> r.assignment().state()).setHeader("State");
        grid.addColumn(r -> r.assignment().dueDate()).setHeader("Due");
        grid.addColumn(r -> r.assignment().updatedAt()).setHeader("Last activity");
        // A template renderer, not a component per row: long worklists stay cheap to render and scroll.
        grid.addColumn(LitRenderer.<Row>of("<vaadin-button theme=\"small\" @click=${open}>Open</vaadin-button>")
            .withFunction("open", r -> open(r.assignment()))).setHeader("");
        grid.setItems(rows);
        if (rows.size() <= 15) {
            grid.setAllRowsVisible(true);
        } else {
            grid.setHeight("70vh");  // rows (and their buttons) are then sent as they scroll into view
        }
        grid.addItemDoubleClickListener(e -> open(e.getItem().assignment()));

        Optional<AssignmentView> next = rows.stream().map(Row::assignment).filter(WorklistView::toDo).findFirst();
        Button openNext = new Button("Open next (N)", e -> next.ifPresent(this::open));
        openNext.setEnabled(next.isPresent());
        openNext.addClickShortcut(Key.KEY_N);
        openNext.setId("open-next");
        add(new H2("My assignments"), rows.isEmpty() ? new Paragraph("Nothing is assigned to you.") : grid, openNext);
    }

    private static boolean toDo(AssignmentView a) {
        return a.state() == AssignmentState.ASSIGNED || a.state() == AssignmentState.IN_PROGRESS
            || a.state() == AssignmentState.CHANGES_REQUESTED;
    }

    private void open(AssignmentView a) {
        getUI().ifPresent(ui -> ui.navigate(AnnotateView.class, new com.vaadin.flow.router.RouteParameters("id", String.valueOf(a.id()))));
    }
}
