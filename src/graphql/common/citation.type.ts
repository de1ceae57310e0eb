import { Field, ID, Int, ObjectType } from 'type-graphql';
import { PartialDateScalar } from '../scalars/partialDate.scalar';

@ObjectType({ description: 'A document the facts come from' })
export class Source {
  @Field(() => ID)
  id: string;

  @Field()
  title: string;

  @Field(() => String, { nullable: true })
  publisher: string | null;

  @Field(() => PartialDateScalar, { nullable: true })
  date: string | null;

  @Field(() => String, { nullable: true, description: 'BCP 47 language tag, e.g. zh-Hant' })
  language: string | null;
}

@ObjectType({ description: 'Where a fact is stated: a verbatim span of a source' })
export class Citation {
  @Field({ description: 'An exact span of the source text' })
  quote: string;

  @Field(() => Source)
  source: Source;

  @Field(() => Int, {
    nullable: true,
    description: 'Where the quote starts in the source’s text, in characters (UTF-16 code units) from its beginning',
  })
  offset: number | null;
}

/** A fact's citations, all or one source's. */
export function citationsFrom<T extends { source: { id: string } | null }>(
  citations: T[],
  source: string | null | undefined,
): T[] {
  return source == null ? citations : citations.filter((c) => c.source?.id === source);
}
