package org.petal.ui.lead;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import org.petal.ml.dataset.LabelKind;
import org.petal.ml.segment.Engines;
import org.petal.projects.ProjectService.LabelSpec;

/**
 * The label set of a new project, one row per label: voxel value, name, colour, kind and the engine a
 * click uses by default. Starts with the whole-body set most FDG projects need; rows can be added and
 * removed. The service checks the set again (unique values and names, value range, colour format).
 */
class LabelSetEditor extends VerticalLayout {

    private static final String[] PALETTE = {"#c8963c", "#8c50b4", "#d2b48c", "#e06060", "#ff3030", "#3c8cc8", "#50b450"};

    private final List<Row> rows = new ArrayList<>();

    LabelSetEditor() {
        setPadding(false);
        setSpacing(false);
        addRow(1, "liver", "#c8963c", LabelKind.ORGAN);
        addRow(2, "lesion", "#ff3030", LabelKind.LESION);
        Button add = new Button("Add label", e -> {
            int value = rows.stream().mapToInt(r -> r.value.getValue() == null ? 0 : r.value.getValue()).max().orElse(0) + 1;
            addRow(value, "", PALETTE[value % PALETTE.length], LabelKind.ORGAN);
        });
        add.setId("add-label");
        add(add);
    }

    List<LabelSpec> labels() {
        return rows.stream().map(Row::spec).toList();
    }

    private void addRow(int value, String name, String colour, LabelKind kind) {
        Row row = new Row(value, name, colour, kind);
        rows.add(row);
        addComponentAtIndex(rows.size() - 1, row);
        row.remove.addClickListener(e -> {
            rows.remove(row);
            remove(row);
        });
    }

    /** One label. The colour field shows a swatch of what it holds. */
    private static final class Row extends HorizontalLayout {
        final IntegerField value = new IntegerField();
        final TextField name = new TextField();
        final TextField colour = new TextField();
        final Select<LabelKind> kind = new Select<>();
        final Select<String> engine = new Select<>();
        final Button remove = new Button("Remove");

        Row(int v, String n, String c, LabelKind k) {
            value.setValue(v);
            value.setMin(1);
            value.setMax(255);
            value.setWidth("5em");
            value.setAriaLabel("voxel value");
            name.setValue(n);
            name.setPlaceholder("name");
            name.setAriaLabel("label name");
            name.addClassName("label-name");
            colour.setValue(c);
            colour.setWidth("8em");
            colour.setPattern("#[0-9a-fA-F]{6}");
            colour.setAriaLabel("colour");
            Div swatch = new Div();
            swatch.setWidth("12px");
            swatch.setHeight("12px");
            swatch.getStyle().set("background", c);
            colour.setPrefixComponent(swatch);
            colour.addValueChangeListener(e -> swatch.getStyle().set("background", e.getValue()));
            kind.setItems(LabelKind.values());
            kind.setValue(k);
            kind.setItemLabelGenerator(x -> x == LabelKind.ORGAN ? "organ" : "lesion");
            kind.setWidth("8em");
            kind.setAriaLabel("kind");
            engine.setItems(Engines.names().stream().sorted().toList());
            engine.setValue("suv-grow");
            engine.setAriaLabel("default engine");
            engine.setWidth("9em");
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            add(value, name, colour, kind, engine, remove);
        }

        LabelSpec spec() {
            return new LabelSpec(value.getValue() == null ? 0 : value.getValue(), name.getValue().strip(),
                colour.getValue().strip(), kind.getValue(), engine.getValue());
        }
    }
}
