/**
 * Scheduling: slot proposals from working hours, calendar busy time and Candor's bookings;
 * reading a candidate's choice; ICS invitations (REQUEST, reschedule, CANCEL); a CalDAV client.
 * Bookings themselves live in the store (`store.bookings`).
 */
export { overlaps, type Interval } from './interval.js';
export {
  bookingUid,
  cancelIcs,
  cancelled,
  requestIcs,
  rescheduled,
  type CalendarPerson,
  type Invitation,
  type InvitationMethod,
} from './ics.js';
export { busyIntervals, readIcs, type ReadCalendar, type ReadEvent } from './ics-read.js';
export { createCalDavClient, type CalDavClient, type CalDavOptions, type StoredEvent } from './caldav.js';
export {
  DEFAULT_WORKING_HOURS,
  proposeSlots,
  slotLabel,
  type InterviewerAvailability,
  type ProposedSlot,
  type SlotRequest,
  type WorkingHours,
} from './slots.js';
export { parseSlotChoice, type SlotChoice } from './slot-choice.js';
export { vtimezone } from './vtimezone.js';
