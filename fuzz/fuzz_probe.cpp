// libFuzzer entry for cq::fuzz::probe (FuzzEntries.h says what it checks).
#include "FuzzEntries.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (!cq::fuzz::probe(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)))) {
        __builtin_trap(); // an invariant broke
    }
    return 0;
}
