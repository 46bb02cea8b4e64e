package io.github.wheelscout.analysis;

import io.github.wheelscout.name.ProjectName;
import java.util.List;
import java.util.Set;

/**
 * The value syntax pip shares between {@code --no-binary}/{@code --only-binary} and
 * {@code --all-releases}/{@code --only-final}: comma-separated project names, {@code :all:} or {@code :none:}.
 */
final class ProjectSelectors {

    static final String ALL = ":all:";
    static final String NONE = ":none:";

    private ProjectSelectors() {
    }

    /**
     * pip's {@code handle_mutual_excludes}: adds {@code value}'s names to {@code target} and removes them from
     * {@code other}; {@code :all:} clears both and stands for every project; {@code :none:} clears
     * {@code target}.
     */
    static void apply(String option, String value, Set<String> target, Set<String> other) {
        if (value.startsWith("-")) {
            throw new IllegalArgumentException(option + " needs a value, got '" + value + "'");
        }
        List<String> items = List.of(value.split(",", -1));
        int allAt;
        while ((allAt = items.indexOf(ALL)) >= 0) {
            other.clear();
            target.clear();
            target.add(ALL);
            items = items.subList(allAt + 1, items.size());
            if (!items.contains(NONE)) {
                return;
            }
        }
        for (String item : items) {
            if (item.equals(NONE)) {
                target.clear();
                continue;
            }
            String name = ProjectName.normalize(item);
            other.remove(name);
            target.add(name);
        }
    }
}
