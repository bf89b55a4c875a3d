package org.petal.cases.slices;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.function.Function;
import org.petal.cases.CaseService;
import org.petal.cases.CaseView;
import org.petal.ml.store.QuantizedSlice;
import org.petal.ml.store.SliceImage;
import org.petal.ml.store.StoreMetadata;
import org.petal.ml.store.VoxelStore;
import org.petal.ml.volume.PetUnit;
import org.petal.ml.volume.VolumeGeometry;
import org.petal.system.Problems;
import org.petal.users.CurrentActor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * Slices and MIPs of a case as {@link SliceFrame}s. Stores never change, but a lead's SUV correction
 * rescales the values, so the ETag carries the case version and the cache lifetime stays short; a client
 * that must see a correction at once adds {@code ?v=<case version>} to the URL (the server ignores it).
 *
 * <p>Cancelling is the client's: it aborts the HTTP request (e.g. {@code AbortController} while scrolling).
 * One frame costs the server at most a few milliseconds for a slice and one pass over the volume for a
 * rotating MIP, so nothing runs on after an abort beyond the frame being written, and the broken write is
 * dropped quietly.
 */
@RestController
@RequestMapping("/api/cases/{id}")
class SliceController {

    private final CaseService cases;
    private final CurrentActor current;

    SliceController(CaseService cases, CurrentActor current) {
        this.cases = cases;
        this.current = current;
    }

    @GetMapping("/slices/{plane}/{index}")
    void slice(Principal p, @PathVariable long id, @PathVariable String plane, @PathVariable String index,
               ServletWebRequest request, HttpServletResponse response) {
        SliceKind kind = SliceKind.plane(plane);
        CaseService.OpenCase c = cases.open(current.of(p), id);
        int k = checkedIndex(index, size(c.store().geometry(), kind), kind);
        serve(c, kind, Integer.toString(k), store -> switch (kind) {
            case AXIAL -> store.axial(k);
            case CORONAL -> store.coronal(k);
            default -> store.sagittal(k);
        }, request, response);
    }

    @GetMapping("/mip/{plane}")
    void mip(Principal p, @PathVariable long id, @PathVariable String plane,
             ServletWebRequest request, HttpServletResponse response) {
        SliceKind kind = SliceKind.mip(plane);
        CaseService.OpenCase c = cases.open(current.of(p), id);
        serve(c, kind, "all", kind == SliceKind.MIP_CORONAL ? VoxelStore::coronalMip : VoxelStore::sagittalMip,
            request, response);
    }

    @GetMapping("/mip/rotating/{angle}")
    void rotatingMip(Principal p, @PathVariable long id, @PathVariable String angle,
                     ServletWebRequest request, HttpServletResponse response) {
        double degrees = normalizedAngle(angle);
        CaseService.OpenCase c = cases.open(current.of(p), id);
        serve(c, SliceKind.MIP_ROTATING, Double.toString(degrees), store -> store.rotatingMip(degrees),
            request, response);
    }

    private static void serve(CaseService.OpenCase c, SliceKind kind, String which, Function<VoxelStore, SliceImage> cut,
                              ServletWebRequest request, HttpServletResponse response) {
        CaseView v = c.view();
        FrameResponses.serve(v, kind.token() + "-" + which, () -> frame(c.store(), v, kind, cut), request, response);
    }

    /** Quantized with the volume's range (one scale for every frame of a case), times the SUV correction. */
    static byte[] frame(VoxelStore store, CaseView v, SliceKind kind, Function<VoxelStore, SliceImage> cut) {
        StoreMetadata m = store.metadata();
        QuantizedSlice q = cut.apply(store).quantize(m.quantizationOffset(), m.quantizationScale());
        return SliceFrame.encode(q, v.suvScale(), PetUnit.valueOf(v.unit()), kind);
    }

    private static int size(VolumeGeometry g, SliceKind kind) {
        return switch (kind) {
            case AXIAL -> g.nz();
            case CORONAL -> g.ny();
            default -> g.nx();
        };
    }

    private static int checkedIndex(String raw, int size, SliceKind kind) {
        int index;
        try {
            index = Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw new Problems.BadRequest("slice index must be an integer, was '" + raw + "'");
        }
        if (index < 0 || index >= size) {
            throw new Problems.BadRequest(kind.token() + " slice " + index + " is outside 0.." + (size - 1));
        }
        return index;
    }

    private static double normalizedAngle(String raw) {
        double a;
        try {
            a = Double.parseDouble(raw);
        } catch (NumberFormatException e) {
            throw new Problems.BadRequest("angle must be a number of degrees, was '" + raw + "'");
        }
        if (!Double.isFinite(a)) {
            throw new Problems.BadRequest("angle must be finite");
        }
        return ((a % 360) + 360) % 360;
    }
}
