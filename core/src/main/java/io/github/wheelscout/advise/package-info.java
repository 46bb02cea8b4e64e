/**
 * What a source build needs on an image, and whether the image's distribution packages a project: the knowledge
 * behind {@code wheelscout advise} and {@code wheelscout dockerfile}.
 *
 * <p>Entry point: {@link io.github.wheelscout.advise.BuildNeedsAdvisor}. Given a project and an
 * {@link io.github.wheelscout.advise.ImageContext} (made from an image reference, or from the image table's
 * {@code os} column), it answers from bundled data only:
 * <ul>
 *   <li>Alpine: the project's own APKBUILD build dependencies ({@link io.github.wheelscout.advise.AlpineData},
 *       from a snapshot of alpinelinux/aports chosen per Alpine release), minus what pip's build isolation and
 *       the image provide ({@code alpine/pip-provided.tsv}), plus build-base for compiled builds and cargo where
 *       a Rust build tool is listed; runtime packages from the build packages ({@code alpine/runtime-libraries.tsv})
 *       and the package's {@code depends}.</li>
 *   <li>Debian and Ubuntu: the same lists mapped to Debian names ({@code debian/apk-to-debian.tsv}), runtime
 *       libraries from Debian's own dependency data where checked ({@code debian/runtime-libraries.tsv}), minus
 *       what the full python images already have.</li>
 *   <li>Distribution packages ({@code apk add py3-numpy}, {@code apt-get install python3-numpy}) for images using the
 *       distribution's Python, with versions to check against the requirement's specifier.</li>
 * </ul>
 * Nothing is guessed: an unknown project gives no answer, an untranslatable package is listed in
 * {@link io.github.wheelscout.advise.SourceBuildNeeds#unknown()}, and every answer names the snapshot it came from.
 * The resource files carry their provenance ({@code PROVENANCE.md} next to them).
 */
package io.github.wheelscout.advise;
