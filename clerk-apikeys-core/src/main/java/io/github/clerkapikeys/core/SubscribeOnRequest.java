package io.github.clerkapikeys.core;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * A {@link Flux} that subscribes to its source only when its subscriber first requests an
 * element.
 * <p>
 * Reactor's operators ({@code concatWith}, {@code concatMap}, {@code flatMapMany})
 * subscribe to the next source as soon as the previous one completes, demand or not, and
 * subscribing to a WebClient call sends the request. Paging puts this gate in front of
 * each next page so that a page is fetched only when the subscriber asks for a key beyond
 * the previous one.
 *
 * @param <T> the element type
 */
final class SubscribeOnRequest<T> extends Flux<T> {

	private final Supplier<? extends Publisher<T>> source;

	SubscribeOnRequest(Supplier<? extends Publisher<T>> source) {
		this.source = source;
	}

	@Override
	public void subscribe(CoreSubscriber<? super T> actual) {
		actual.onSubscribe(new Gate<>(actual, this.source));
	}

	private static final class Gate<T> extends Operators.DeferredSubscription implements CoreSubscriber<T> {

		private final CoreSubscriber<? super T> actual;

		private final Supplier<? extends Publisher<T>> source;

		private final AtomicBoolean subscribed = new AtomicBoolean();

		Gate(CoreSubscriber<? super T> actual, Supplier<? extends Publisher<T>> source) {
			this.actual = actual;
			this.source = source;
		}

		@Override
		public void request(long n) {
			super.request(n);
			if (!isCancelled() && this.subscribed.compareAndSet(false, true)) {
				this.source.get().subscribe(this);
			}
		}

		@Override
		public void onSubscribe(Subscription subscription) {
			set(subscription);
		}

		@Override
		public void onNext(T element) {
			this.actual.onNext(element);
		}

		@Override
		public void onError(Throwable failure) {
			this.actual.onError(failure);
		}

		@Override
		public void onComplete() {
			this.actual.onComplete();
		}

		@Override
		public Context currentContext() {
			return this.actual.currentContext();
		}

	}

}
