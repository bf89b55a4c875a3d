package org.petal.ml.segment;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.petal.ml.volume.LabelVolume;
import org.petal.ml.volume.VolumeGeometry;

/**
 * The label map of a case, assembled from many objects (each lesion its own object, each organ one).
 *
 * <p>Overlap policy: an object claims a voxel that is free or owned by another object whose label is not
 * locked ({@link Policy#OVERWRITE_UNLOCKED}, the default: the newest edit wins, as in SegAnyPET where later
 * labels overwrite earlier ones), or only free voxels ({@link Policy#KEEP_EXISTING}). Voxels of a locked
 * label are never overwritten. A voxel an object gives up returns to background only if that object owns
 * it, so removing one lesion never erases its neighbour.
 */
public final class CaseLabelMap {

    public enum Policy { OVERWRITE_UNLOCKED, KEEP_EXISTING }

    private final LabelVolume labels;
    /** Object id owning each voxel (0 = none); ids are positive shorts. */
    private final short[] owner;
    private final Map<Integer, Integer> labelOfObject = new HashMap<>();
    private final Set<Integer> locked = new HashSet<>();
    private final Policy policy;
    private int nextObjectId = 1;

    public CaseLabelMap(VolumeGeometry geometry, Policy policy) {
        this.labels = LabelVolume.empty(geometry);
        this.owner = new short[labels.labels().length];
        this.policy = policy;
    }

    /** Registers a new object that will write {@code label}; returns its id. */
    public int newObject(int label) {
        if (label < 1 || label > 0xFFFF) {
            throw new IllegalArgumentException("label must be 1..65535: " + label);
        }
        if (nextObjectId > Short.MAX_VALUE) {
            throw new IllegalStateException("too many objects in one case");
        }
        int id = nextObjectId++;
        labelOfObject.put(id, label);
        return id;
    }

    public void lock(int label) { locked.add(label); }

    public void unlock(int label) { locked.remove(label); }

    public boolean isLocked(int label) { return locked.contains(label); }

    /**
     * Writes an object's mask inside {@code box} (typically the changed box of an interaction).
     *
     * @return voxels the object wanted but could not claim (locked or, under KEEP_EXISTING, taken)
     */
    public long write(int objectId, ObjectMask mask, Box box) {
        Integer label = labelOfObject.get(objectId);
        if (label == null) {
            throw new IllegalArgumentException("unknown object " + objectId);
        }
        if (locked.contains(label)) {
            throw new IllegalStateException("label " + label + " is locked");
        }
        VolumeGeometry g = labels.geometry();
        Box clipped = box.intersect(Box.of(g));
        byte[] inside = mask.read(clipped);
        short[] values = labels.labels();
        long refused = 0;
        int n = 0;
        for (int k = clipped.k0(); k < clipped.k1(); k++) {
            for (int j = clipped.j0(); j < clipped.j1(); j++) {
                for (int i = clipped.i0(); i < clipped.i1(); i++, n++) {
                    int index = g.index(i, j, k);
                    int current = owner[index];
                    if (inside[n] != 0) {
                        if (current == objectId) {
                            continue;
                        }
                        if (mayClaim(current)) {
                            owner[index] = (short) objectId;
                            values[index] = (short) (int) label;
                        } else {
                            refused++;
                        }
                    } else if (current == objectId) {
                        owner[index] = 0;
                        values[index] = 0;
                    }
                }
            }
        }
        return refused;
    }

    private boolean mayClaim(int currentOwner) {
        if (currentOwner == 0) {
            return true;
        }
        return policy == Policy.OVERWRITE_UNLOCKED && !locked.contains(labelOfObject.get(currentOwner));
    }

    /** The assembled labels (live view: do not modify). */
    public LabelVolume labels() { return labels; }

    public int ownerOf(int i, int j, int k) {
        return owner[labels.geometry().index(i, j, k)];
    }
}
