package org.petal.cases.slices;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import org.petal.cases.CaseService;
import org.petal.cases.CaseView;
import org.petal.ml.volume.PetUnit;
import org.petal.system.Problems;
import org.petal.users.CurrentActor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * The whole case, downsampled by block maximum, as one {@link VolumeFrame} for a 3D view. Same access rule,
 * ETag and cache lifetime as the slices ({@link SliceController}): 404 for a case the caller may not read,
 * the case version in the ETag because a lead's SUV correction rescales the values.
 *
 * <p>One frame costs one pass over the volume (every axial slice read once); a client asks for it once per
 * case and version, so there is no cancelling beyond dropping the write to an aborted connection.
 */
@RestController
@RequestMapping("/api/cases/{id}")
class VolumeController {

    static final int DEFAULT_MAX_SIZE = 128;

    private final CaseService cases;
    private final CurrentActor current;

    VolumeController(CaseService cases, CurrentActor current) {
        this.cases = cases;
        this.current = current;
    }

    @GetMapping("/volume/downsampled")
    void downsampled(Principal p, @PathVariable long id,
                     @RequestParam(name = "maxSize", required = false) String maxSizeParam,
                     ServletWebRequest request, HttpServletResponse response) {
        int maxSize = checkedMaxSize(maxSizeParam);
        CaseService.OpenCase c = cases.open(current.of(p), id);
        CaseView v = c.view();
        FrameResponses.serve(v, "volume-" + maxSize, () -> VolumeFrame.encode(DownsampledVolume.blockMax(c.store(), maxSize),
            v.suvScale(), PetUnit.valueOf(v.unit())), request, response);
    }

    private static int checkedMaxSize(String raw) {
        if (raw == null) {
            return DEFAULT_MAX_SIZE;
        }
        int maxSize;
        try {
            maxSize = Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw new Problems.BadRequest("maxSize must be an integer, was '" + raw + "'");
        }
        if (maxSize < DownsampledVolume.MIN_SIZE || maxSize > DownsampledVolume.MAX_SIZE) {
            throw new Problems.BadRequest("maxSize must be " + DownsampledVolume.MIN_SIZE + ".."
                + DownsampledVolume.MAX_SIZE + ", was " + maxSize);
        }
        return maxSize;
    }
}
