#pragma once

#include "media/ThumbnailExtractor.h"

#include <QImage>

namespace cq::ui {

// A thumbnail from core as a QImage that owns its pixels (the Thumbnail's buffer may go away),
// turned upright by the thumbnail's rotation.
QImage thumbnailImage(const Thumbnail &thumbnail);

} // namespace cq::ui
