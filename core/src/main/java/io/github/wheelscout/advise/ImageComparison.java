package io.github.wheelscout.advise;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Images compared for one requirement set: each with its advice and rank, and the recommendation in plain
 * sentences.
 *
 * @param images         the images in the order they were given
 * @param recommendation the recommendation: a first sentence naming the image to use (or saying that none
 *                       installs everything), then each image's sentence in rank order
 */
public record ImageComparison(List<ImageAdvice> images, List<String> recommendation) {

    /** Checks and freezes the fields. */
    public ImageComparison {
        images = List.copyOf(images);
        recommendation = List.copyOf(recommendation);
        if (images.isEmpty()) {
            throw new IllegalArgumentException("no image compared");
        }
        Objects.requireNonNull(recommendation, "recommendation");
    }

    /** The images, best first. */
    public List<ImageAdvice> ranked() {
        return images.stream().sorted(Comparator.comparingInt(ImageAdvice::rank)).toList();
    }

    /** The recommended image. */
    public ImageAdvice best() {
        return ranked().get(0);
    }

    /** Whether some image installs every requirement. */
    public boolean anyInstallsEverything() {
        return images.stream().anyMatch(ImageAdvice::installsEverything);
    }

    /** The recommendation as one paragraph. */
    public String recommendationText() {
        return String.join(" ", recommendation);
    }
}
