package org.klpconvert.convert;

/** The converted module's bytes and the report of what changed. */
public record ConversionResult(byte[] output, ConversionReport report) {
}
