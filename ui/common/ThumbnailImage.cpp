#include "common/ThumbnailImage.h"

#include <QTransform>

namespace cq::ui {

QImage thumbnailImage(const Thumbnail &thumbnail) {
    const QImage wrapped(reinterpret_cast<const uchar *>(thumbnail.rgba.constData()), thumbnail.width,
                         thumbnail.height, thumbnail.width * 4, QImage::Format_RGBA8888);
    QImage image = wrapped.copy();
    if (thumbnail.rotation % 360 != 0) {
        image = image.transformed(QTransform().rotate(thumbnail.rotation));
    }
    return image;
}

} // namespace cq::ui
