import { connectionOf } from '../common/connection.type';
import { Entity } from './entity.interface';

export const EntityConnection = connectionOf(
  Entity,
  'Entity',
  'Entities',
  'A page of entities in the order asked for. A page reads at most 2,000 entries of its order\'s index, so a sparse filter may fill less than `first` while hasNextPage is true: follow endCursor',
);
