/**
 * Dockerfiles: reading existing ones for what they install ({@link io.github.wheelscout.advise.dockerfile.DockerfileReader}),
 * writing the multi-stage Dockerfile of a plan ({@link io.github.wheelscout.advise.dockerfile.DockerfileWriter}),
 * and a strict grammar check of the instructions ({@link io.github.wheelscout.advise.dockerfile.DockerfileGrammar}),
 * all on text: no Docker engine, no file system.
 */
package io.github.wheelscout.advise.dockerfile;
