// The post JSON reader on arbitrary bytes. What it accepts must write back and read again to the
// same post: the writer never produces what the reader refuses.
#include "post/PostJson.h"

#include <QJsonDocument>

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const auto parsed = cq::parsePostJson(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (!parsed) {
        return 0;
    }
    const QJsonObject written = cq::postToJson(parsed->post);
    const auto again = cq::parsePostJson(written);
    if (!again || cq::postToJson(again->post) != written) {
        __builtin_trap();
    }
    return 0;
}
