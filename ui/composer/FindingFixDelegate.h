#pragma once

#include <QStyledItemDelegate>

namespace cq::ui {

// Draws a finding of the composer's checks, keeping room at the right end of a finding that a
// conversion clears for its "Fix" button (an index widget, put there by updateEditorGeometry()).
class FindingFixDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const override;

    // The room kept for the button.
    static int buttonWidthPx(const QFontMetrics &metrics);
};

} // namespace cq::ui
