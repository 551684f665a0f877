package io.streamrec.avro;

import org.apache.avro.util.ClassSecurityValidator;

/**
 * The package the classes of {@code schemas/*.avsc} are generated into. Avro (1.12.2 on) loads a
 * record's class by the name in its schema and refuses any class it was not told to trust, which
 * made {@code Recommendations.getDecoder().decode(bytes)} throw {@code SecurityException} without
 * {@code -Dorg.apache.avro.SERIALIZABLE_PACKAGES}. Every generated record calls {@link #trust()}
 * when its class is initialised (the record template, src/main/avro-templates/record.vm), so
 * the classes work in any JVM that loads them, with no flag and nothing else trusted.
 */
public final class GeneratedPackage {
    private static final String NAME = GeneratedPackage.class.getPackageName();

    static {
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(ClassSecurityValidator.getGlobal(),
                type -> NAME.equals(type.getPackageName())));
    }

    private GeneratedPackage() {}

    /** Trusts this package's classes; the class initialiser does it, once per class loader. */
    public static void trust() {
        // The static initialiser above has run by the time this returns.
    }
}
