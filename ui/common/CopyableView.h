#pragma once

#include <QString>

class QAbstractItemView;

namespace cq::ui {

// Lets people copy what a table shows (error codes, log ids for TikTok's support): "Copy" (Ctrl+C)
// copies the selected cells, "Copy all" the whole table with its header, as tab-separated text
// that pastes into a spreadsheet or a support ticket. Both are in the view's context menu.
void makeCopyable(QAbstractItemView *view);

// The selected cells of `view`, row by row, columns separated by tabs.
QString selectedText(const QAbstractItemView *view);
// Every row of `view`'s model under its header, columns separated by tabs.
QString allText(const QAbstractItemView *view);

} // namespace cq::ui
