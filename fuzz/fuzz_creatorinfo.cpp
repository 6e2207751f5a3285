// TikTok's creator info answer on arbitrary bytes. What it accepts must round-trip through the
// cache's JSON unchanged.
#include "post/CreatorInfo.h"

#include <QJsonDocument>

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QJsonDocument document =
        QJsonDocument::fromJson(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (!document.isObject()) {
        return 0;
    }
    const auto info = cq::CreatorInfo::fromJson(document.object());
    if (!info) {
        return 0;
    }
    const auto again = cq::CreatorInfo::fromJson(info->toJson());
    if (!again || again->toJson() != info->toJson()) {
        __builtin_trap();
    }
    return 0;
}
