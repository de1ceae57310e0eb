import { Field, Float, ObjectType } from 'type-graphql';

@ObjectType({ description: 'An amount of money (25億美元 is 2.5e9 USD)' })
export class Money {
  @Field(() => Float)
  amount: number;

  @Field({ description: 'ISO 4217 code, e.g. USD or CNY' })
  currency: string;
}

/** Money stored flat on a node as <name>Amount / <name>Currency. */
export function moneyFrom(props: Record<string, unknown>, name: string): Money | null {
  const amount = props[`${name}Amount`];
  const currency = props[`${name}Currency`];
  return typeof amount === 'number' && typeof currency === 'string' ? { amount, currency } : null;
}
