#ifndef ONDERDAK_CFASTHASH_H
#define ONDERDAK_CFASTHASH_H
/* The journal's two per-record checks on the processor's own instructions, where it has them:
   CRC-32C (SSE 4.2 crc32) and SHA-256 (the SHA extensions). Each `_available` function says
   whether this machine has them; callers keep their portable code for when it does not. */
#include <stddef.h>
#include <stdint.h>

/* 1 when the crc32 instruction (SSE 4.2) can be used. */
int onderdak_crc32c_hw_available(void);
/* CRC-32C of `n` bytes continuing from `seed` (0 for a fresh checksum), as CRC32C.checksum. */
uint32_t onderdak_crc32c_hw(uint32_t seed, const void *bytes, size_t n);

/* 1 when the SHA extensions (with SSSE3 and SSE 4.1) can be used. */
int onderdak_sha256_hw_available(void);
/* SHA-256 of `n` bytes into `out` (32 bytes). */
void onderdak_sha256_hw(const void *bytes, size_t n, uint8_t out[32]);

#endif
