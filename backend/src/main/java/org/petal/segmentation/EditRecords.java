package org.petal.segmentation;

import org.petal.annotation.EventType;

/**
 * How an edit is named outside the object: the {@code action} of its result, the event type it is
 * recorded as (strokes as BRUSH or ERASE, which time accounting counts as brush work) and the detail
 * line of that event.
 */
final class EditRecords {

    /** The interaction log's detail column holds this many characters. */
    private static final int MAX_DETAIL = 1000;

    private EditRecords() {}

    static String action(Message.Edit e) {
        if (e instanceof Message.Click) {
            return Protocol.CLICK;
        }
        if (e instanceof Message.Brush b) {
            return b.erase() ? Protocol.ERASE : Protocol.BRUSH;
        }
        if (e instanceof Message.Undo) {
            return Protocol.UNDO;
        }
        return e instanceof Message.Redo ? Protocol.REDO : Protocol.RESET;
    }

    static EventType eventType(Message.Edit e) {
        if (e instanceof Message.Click c) {
            return c.include() ? EventType.CLICK_INCLUDE : EventType.CLICK_EXCLUDE;
        }
        if (e instanceof Message.Brush b) {
            return b.erase() ? EventType.ERASE : EventType.BRUSH;
        }
        if (e instanceof Message.Undo) {
            return EventType.UNDO;
        }
        return e instanceof Message.Redo ? EventType.REDO : EventType.RESET;
    }

    /** E.g. {@code click (12, 12, 12) include: APPLIED, changed [9,16)x..., 93 voxels, model 4 ms}. */
    static String detail(Message.Edit e, EditedObject.Change c, long maskVoxels) {
        String text = what(e) + ": " + c.outcome() + (c.visible() ? ", changed " + c.box() : "")
            + ", " + maskVoxels + " voxels, model " + Math.round(c.modelMs()) + " ms"
            + (c.message().isEmpty() ? "" : ", " + c.message());
        return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL);
    }

    private static String what(Message.Edit e) {
        if (e instanceof Message.Click c) {
            return "click " + c.voxel().voxel() + (c.include() ? " include" : " exclude");
        }
        if (e instanceof Message.Brush b) {
            return action(e) + " " + b.radiusMm() + " mm, " + b.points().size() + " points from "
                + b.points().get(0).voxel();
        }
        return action(e);
    }
}
