/** Things simulated shoppers and Shopify do, each at its simulated instant, played in time order. */
export interface Action {
  at: Date;
  label: string;
  run: () => Promise<void>;
}

export function createActionQueue() {
  const actions: Action[] = [];
  let sequence = 0;
  const order = new Map<Action, number>();
  return {
    add(action: Action) {
      order.set(action, sequence++);
      actions.push(action);
    },
    /** Removes and returns the actions due by `now`, earliest first (ties in the order they were added). */
    due(now: Date): Action[] {
      const due = actions.filter((action) => action.at <= now).sort((a, b) => a.at.getTime() - b.at.getTime() || order.get(a)! - order.get(b)!);
      for (const action of due) actions.splice(actions.indexOf(action), 1);
      return due;
    },
    get size() {
      return actions.length;
    },
  };
}
