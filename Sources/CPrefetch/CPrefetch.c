// The prefetch hints are static inline functions of the header; this file only makes the
// header a C module that Swift imports.
#include "CPrefetch.h"
