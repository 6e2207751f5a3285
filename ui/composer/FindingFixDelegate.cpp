#include "composer/FindingFixDelegate.h"

#include "composer/FindingsModel.h"

namespace cq::ui {

namespace {
bool fixable(const QModelIndex &index) {
    return !index.data(FindingsModel::FixRole).toString().isEmpty();
}

int gapPx(const QFontMetrics &metrics) {
    return metrics.height() / 2;
}

// The part of the row the text may use.
QStyleOptionViewItem textOption(const QStyleOptionViewItem &option, const QModelIndex &index) {
    QStyleOptionViewItem text = option;
    if (fixable(index)) {
        text.rect.setRight(text.rect.right() - FindingFixDelegate::buttonWidthPx(option.fontMetrics)
                           - gapPx(option.fontMetrics));
    }
    return text;
}
} // namespace

int FindingFixDelegate::buttonWidthPx(const QFontMetrics &metrics) {
    return metrics.averageCharWidth() * 8;
}

void FindingFixDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                               const QModelIndex &index) const {
    QStyledItemDelegate::paint(painter, textOption(option, index), index);
}

QSize FindingFixDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const {
    QSize size = QStyledItemDelegate::sizeHint(textOption(option, index), index);
    if (fixable(index)) {
        size.setWidth(size.width() + buttonWidthPx(option.fontMetrics) + gapPx(option.fontMetrics));
        size.setHeight(std::max(size.height(), option.fontMetrics.height() * 2));
    }
    return size;
}

void FindingFixDelegate::updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option,
                                              const QModelIndex &) const {
    const int width = buttonWidthPx(option.fontMetrics);
    const int height = std::min(editor->sizeHint().height(), option.rect.height());
    editor->setGeometry(option.rect.right() - width + 1,
                        option.rect.top() + (option.rect.height() - height) / 2, width, height);
}

} // namespace cq::ui
