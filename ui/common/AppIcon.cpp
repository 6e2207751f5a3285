#include "common/AppIcon.h"

namespace cq::ui {

QIcon applicationIcon() {
    QIcon icon;
    for (const int side : {16, 24, 32, 48, 64, 128, 256, 512}) {
        icon.addFile(QStringLiteral(":/icons/clipqueue-%1.png").arg(side), QSize(side, side));
    }
    return icon;
}

QIcon themedIcon(const QString &themeName, const QString &bundledName) {
    QIcon bundled;
    for (const int side : {24, 32, 48}) {
        const QString path = QStringLiteral(":/icons/nav-%1-%2").arg(bundledName).arg(side);
        bundled.addFile(path + u".png", QSize(side, side));
        bundled.addFile(path + u"-selected.png", QSize(side, side), QIcon::Selected); // on the highlight
    }
    return QIcon::fromTheme(themeName, bundled);
}

} // namespace cq::ui
