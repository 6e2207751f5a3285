#pragma once

#include <QIcon>

namespace cq::ui {

// ClipQueue's icon (resources/icons/clipqueue.svg, rendered at build time in every size it comes in),
// for the window, the tray and dialogs.
QIcon applicationIcon();

} // namespace cq::ui
