// The background's word to every open order tab that a row's badge may have changed (a link, an unlink or a
// send): utils/background/row-status-broadcast.ts sends it, utils/content/row-ui/start-content.ts listens.
// No payload: the tabs ask again for the rows they show, through the usual order.status call.
export const ROW_STATUS_CHANGED = 'ordertalk:row-status-changed';
