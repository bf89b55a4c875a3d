package org.petal.review;

import java.security.Principal;
import java.util.List;
import org.petal.users.CurrentActor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/assignments/{id}/reviews")
class ReviewController {

    record Decision(long version, Review.Decision decision, String summary, List<ReviewService.Pin> comments) {}

    private final ReviewService reviews;
    private final CurrentActor current;

    ReviewController(ReviewService reviews, CurrentActor current) {
        this.reviews = reviews;
        this.current = current;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ReviewService.ReviewView decide(Principal p, @PathVariable long id, @RequestBody Decision d) {
        return reviews.decide(current.of(p), id, d.version(), d.decision(), d.summary(), d.comments());
    }

    @GetMapping
    List<ReviewService.ReviewView> list(Principal p, @PathVariable long id) {
        return reviews.of(current.of(p), id);
    }
}
