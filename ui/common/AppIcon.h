#pragma once

#include <QIcon>

namespace cq::ui {

// ClipQueue's icon (resources/icons/clipqueue.svg, rendered at build time in every size it comes in),
// for the window, the tray and dialogs.
QIcon applicationIcon();

// The desktop theme's icon `themeName` where the theme has one, else ClipQueue's own `bundledName`
// (resources/icons/nav-NAME.svg: compose, queue, review, accounts, calendar).
QIcon themedIcon(const QString &themeName, const QString &bundledName);

} // namespace cq::ui
