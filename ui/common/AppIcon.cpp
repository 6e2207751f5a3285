#include "common/AppIcon.h"

namespace cq::ui {

QIcon applicationIcon() {
    QIcon icon;
    for (const int side : {16, 24, 32, 48, 64, 128, 256, 512}) {
        icon.addFile(QStringLiteral(":/icons/clipqueue-%1.png").arg(side), QSize(side, side));
    }
    return icon;
}

} // namespace cq::ui
