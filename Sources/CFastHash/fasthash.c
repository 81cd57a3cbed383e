#include "CFastHash.h"
#include <string.h>

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#include <immintrin.h>

static int cpu_flags(int *sse42, int *sha) {
    unsigned a = 0, b = 0, c = 0, d = 0;
    *sse42 = 0; *sha = 0;
    if (!__get_cpuid(1, &a, &b, &c, &d)) return 0;
    int ssse3 = (c >> 9) & 1, sse41 = (c >> 19) & 1;
    *sse42 = (c >> 20) & 1;
    unsigned a7 = 0, b7 = 0, c7 = 0, d7 = 0;
    if (__get_cpuid_max(0, 0) >= 7 && __get_cpuid_count(7, 0, &a7, &b7, &c7, &d7)) {
        *sha = ssse3 && sse41 && ((b7 >> 29) & 1);
    }
    return 1;
}

int onderdak_crc32c_hw_available(void) { int s, h; cpu_flags(&s, &h); return s; }
int onderdak_sha256_hw_available(void) { int s, h; cpu_flags(&s, &h); return h; }

__attribute__((target("sse4.2")))
uint32_t onderdak_crc32c_hw(uint32_t seed, const void *bytes, size_t n) {
    const uint8_t *p = (const uint8_t *)bytes;
    uint64_t c = (uint32_t)~seed;
    while (n >= 8) {
        uint64_t v;
        memcpy(&v, p, 8);
        c = _mm_crc32_u64(c, v);
        p += 8; n -= 8;
    }
    uint32_t c32 = (uint32_t)c;
    while (n > 0) { c32 = _mm_crc32_u8(c32, *p++); n--; }
    return ~c32;
}

static const uint32_t K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

/* Whole 64-byte blocks into the state (a, b, …, h). Four rounds per step; from the fifth step
   on, the message schedule is extended with sha256msg1/msg2 from the four steps before. */
__attribute__((target("sha,sse4.1,ssse3")))
static void blocks(uint32_t state[8], const uint8_t *data, size_t n) {
    const __m128i MASK = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
    __m128i tmp = _mm_loadu_si128((const __m128i *)&state[0]);
    __m128i s1 = _mm_loadu_si128((const __m128i *)&state[4]);
    tmp = _mm_shuffle_epi32(tmp, 0xB1);          /* CDAB */
    s1 = _mm_shuffle_epi32(s1, 0x1B);            /* EFGH */
    __m128i s0 = _mm_alignr_epi8(tmp, s1, 8);    /* ABEF */
    s1 = _mm_blend_epi16(s1, tmp, 0xF0);         /* CDGH */
    while (n >= 64) {
        __m128i abef = s0, cdgh = s1;
        /* Unrolled, the four schedule words in registers: the schedule of the next step runs
           beside the rounds of this one (sha256rnds2's latency is the limit). */
#define ROUNDS(m, i) { __m128i k = _mm_add_epi32(m, _mm_loadu_si128((const __m128i *)&K[4 * (i)])); \
        s1 = _mm_sha256rnds2_epu32(s1, s0, k); k = _mm_shuffle_epi32(k, 0x0E); s0 = _mm_sha256rnds2_epu32(s0, s1, k); }
#define SCHEDULE(a, b, c, d) a = _mm_sha256msg2_epu32(_mm_add_epi32(_mm_sha256msg1_epu32(a, b), _mm_alignr_epi8(d, c, 4)), d)
        __m128i m0 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 0)), MASK);
        __m128i m1 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 16)), MASK);
        __m128i m2 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 32)), MASK);
        __m128i m3 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 48)), MASK);
        ROUNDS(m0, 0) ROUNDS(m1, 1) ROUNDS(m2, 2) ROUNDS(m3, 3)
        for (int i = 4; i < 16; i += 4) {
            SCHEDULE(m0, m1, m2, m3); ROUNDS(m0, i)
            SCHEDULE(m1, m2, m3, m0); ROUNDS(m1, i + 1)
            SCHEDULE(m2, m3, m0, m1); ROUNDS(m2, i + 2)
            SCHEDULE(m3, m0, m1, m2); ROUNDS(m3, i + 3)
        }
#undef ROUNDS
#undef SCHEDULE
        s0 = _mm_add_epi32(s0, abef);
        s1 = _mm_add_epi32(s1, cdgh);
        data += 64; n -= 64;
    }
    tmp = _mm_shuffle_epi32(s0, 0x1B);           /* FEBA */
    s1 = _mm_shuffle_epi32(s1, 0xB1);            /* DCHG */
    s0 = _mm_blend_epi16(tmp, s1, 0xF0);         /* DCBA */
    s1 = _mm_alignr_epi8(s1, tmp, 8);            /* HGFE */
    _mm_storeu_si128((__m128i *)&state[0], s0);
    _mm_storeu_si128((__m128i *)&state[4], s1);
}

void onderdak_sha256_hw(const void *bytes, size_t n, uint8_t out[32]) {
    uint32_t st[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    const uint8_t *p = (const uint8_t *)bytes;
    size_t full = n & ~(size_t)63;
    blocks(st, p, full);
    uint8_t tail[128];
    memset(tail, 0, sizeof tail);
    size_t rest = n - full;
    if (rest > 0) memcpy(tail, p + full, rest);
    tail[rest] = 0x80;
    size_t len = rest + 9 <= 64 ? 64 : 128;
    uint64_t bits = (uint64_t)n * 8;
    for (int i = 0; i < 8; i++) tail[len - 1 - i] = (uint8_t)(bits >> (8 * i));
    blocks(st, tail, len);
    for (int i = 0; i < 8; i++) {
        out[4 * i] = (uint8_t)(st[i] >> 24); out[4 * i + 1] = (uint8_t)(st[i] >> 16);
        out[4 * i + 2] = (uint8_t)(st[i] >> 8); out[4 * i + 3] = (uint8_t)st[i];
    }
}

#else
int onderdak_crc32c_hw_available(void) { return 0; }
int onderdak_sha256_hw_available(void) { return 0; }
uint32_t onderdak_crc32c_hw(uint32_t seed, const void *bytes, size_t n) { (void)bytes; (void)n; return seed; }
void onderdak_sha256_hw(const void *bytes, size_t n, uint8_t out[32]) { (void)bytes; (void)n; memset(out, 0, 32); }
#endif
