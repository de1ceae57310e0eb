import { connectionOf } from '../common/connection.type';
import { Event } from './event.interface';
import { Acquisition, TalentMove } from './event-kinds.type';

export const EventConnection = connectionOf(
  Event,
  'Event',
  'Events',
  'A page of events in (date, id) order; undated events come last',
);
export const TalentMoveConnection = connectionOf(
  TalentMove,
  'TalentMove',
  'Events',
  'A page of talent moves in (date, id) order',
);
export const AcquisitionConnection = connectionOf(
  Acquisition,
  'Acquisition',
  'Events',
  'A page of acquisitions in (date, id) order',
);
