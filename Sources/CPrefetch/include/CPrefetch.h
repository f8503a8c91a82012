#ifndef CPREFETCH_H
#define CPREFETCH_H

/// Hints the processor to bring the cache line holding `address` into the cache for a write,
/// so that a later access does not stall on memory. A hint only: no effect on any value.
static inline __attribute__((always_inline)) void ck_prefetch_write(const void *address) {
    __builtin_prefetch(address, 1, 3);
}

#endif
