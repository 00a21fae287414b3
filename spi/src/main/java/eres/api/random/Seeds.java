package eres.api.random;

import java.nio.charset.StandardCharsets;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Seed derivation so that parallel resampling gives identical results for any thread count:
 * replication {@code b} of a step draws from its own generator seeded by
 * {@code splitmix64(stepSeed + golden * (b + 1))}, never from a shared stream.
 *
 * <p>Generators are xoshiro256++ (Blackman &amp; Vigna 2021) from Apache Commons RNG, seeded through
 * SplitMix64 (Steele, Lea &amp; Flood 2014) as its authors recommend.
 */
public final class Seeds {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    /** The generator algorithm, recorded in results for reproducibility. */
    public static final String ALGORITHM = "xoshiro256++ seeded by SplitMix64";

    private Seeds() {
    }

    /** The SplitMix64 finaliser (a bijective 64-bit mix). */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A child seed for a named part (step id, group label), stable across runs and JVMs. */
    public static long derive(long seed, String name) {
        long h = 0xCBF29CE484222325L; // FNV-1a 64
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h ^= (b & 0xff);
            h *= 0x100000001B3L;
        }
        return mix(seed ^ mix(h));
    }

    /** The seed of replication {@code b} (0-based) of a step whose seed is {@code seed}. */
    public static long replication(long seed, long b) {
        return mix(seed + GOLDEN * (b + 1));
    }

    /** A generator for replication {@code b}. */
    public static UniformRandomProvider generator(long seed, long b) {
        return generator(replication(seed, b));
    }

    /** A generator seeded from one 64-bit seed (expanded by SplitMix64 inside Commons RNG). */
    public static UniformRandomProvider generator(long seed) {
        return RandomSource.XO_SHI_RO_256_PP.create(seed);
    }
}
